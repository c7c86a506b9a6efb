"""An action plan headed by the questions it answers, told from a register (issue 12, unseen set 71's junk).

A founder's plan to set up a company ("N° | Qui ? | Quoi ? | Où ? | Comment ?": who does it, what, where, how) was
read as 11 issues titled by "Quoi ?" (what). Columns headed by question words alone — the 5W1H or QQOQCCP of a
plan, in any language (who/what/where/when/how/why; qui/quoi/où/quand/comment/pourquoi; wer/was/wo/wann/wie/warum)
— are the steps of a plan: each row is a task someone is to do. The office has no register of tasks (it keeps an
action on the risk or issue it answers), so the sheet adds nothing and says why.

Decided once per sheet from its headers: at least three distinct question words head columns, and the column the
rows are named by is one of them ("What?" naming each step). A register with "Who | When | How" beside its own
title (a risk's response said in three columns) names its records otherwise and is read as before. The words are
``plan_questions`` in the words files. A communication plan written as questions ("What? | Why? | Who? | To whom?
| How? | When?", the PMBOK matrix) is no action plan: on a sheet named as the plan, or with a column asking to whom
(its audience, which no step of a plan has), it is read as the communication plan (classes89).
"""

from __future__ import annotations

from .header_detection import HeaderMatch
from .vocabulary import plan_question_words, word_key

QUESTION_PLAN_REASON = "its columns are an action plan's questions"  # how ``question_plan`` starts its reason
MIN_QUESTIONS = 3  # "Who | What" alone heads many a two-column note; three questions are a plan's


def question_plan(match: HeaderMatch) -> str | None:
    """Why a sheet whose columns are headed by question words, its rows named by one, is an action plan, or None."""
    words = plan_question_words()
    asked = {c: key for c, h in enumerate(match.headers) if h and (key := word_key(h)) in words}
    if len(set(asked.values())) < MIN_QUESTIONS:
        return None
    reg = match.kind.reg
    if "audience" in reg.field_names and (match.kind.matches_sheet_name(match.sheet_title or "") or any(
            n == "audience" and c not in asked for c, n in match.mapping.items())):
        # "What? | Why? | Who? | To whom? | How? | When?": the PMBOK communication matrix written as questions, on a
        # sheet named as the plan or asking to whom — a communication plan, each row a message (classes89)
        return None
    title = next((f.name for f in reg.fields if f.required), None)
    naming = next((c for c, n in match.mapping.items() if n == title), None)
    if naming is None or naming not in asked:
        return None  # the rows are named under a register's own header: the questions are its fields
    shown = ", ".join(f"“{str(match.headers[c]).strip()}”" for c in sorted(asked))
    return (f"{QUESTION_PLAN_REASON} ({shown}): each row is a step someone is to take, and the office keeps "
            f"actions on the risk or issue they answer, not in a register of their own.")
