"""Template filling for bench/synth.py: ``{slot}`` placeholders drawn from a seeded RNG."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import fragments as T
import phrases as P


class Filler:
    """Fills ``{slot}`` templates; each slot draws afresh unless the document fixes it.

    ``hi``/``lo``/``up`` and ``clhi``/``cllo`` draw relative to the figure drawn just before,
    so that "down from {hi}% to {lo}%" reads true; ``d2`` follows ``d1``.
    """

    def __init__(self, r: random.Random, fixed: dict[str, str], posts: list[str], sents: list[str]) -> None:
        self.r, self.fixed, self.posts, self.sents = r, fixed, posts, sents
        self.d1, self.last = 1, 50
        self.decks: dict[str, list[str]] = {}
        self.slots: dict[str, Callable[[], str]] = {
            "d2": lambda: str(self.d1 + r.randint(1, 8)),
            "date": self.date,
            "month": lambda: r.choice(T.MONTHS),
            "weekday": lambda: r.choice(T.WEEKDAYS),
            "time": lambda: r.choice(T.TIMES),
            "venue": lambda: r.choice(T.VENUES),
            "ordinal": lambda: r.choice(T.ORDINALS),
            "focus": lambda: r.choice(T.FOCUS),
            "sub": lambda: r.choice(T.SUBJUDGE),
            "person": self.name,
            "surname": lambda: r.choice(T.LAST),
            "post": lambda: self.deal("posts", tuple(self.posts)),
            "lead": lambda: self.deal("leads", tuple(self.posts[:4])),
            "owner": lambda: self.name() if r.random() < 0.5 else r.choice(self.posts),
            "task": lambda: self.deal("actions", P.ACTIONS),
            "workstream": lambda: r.choice(T.WORKSTREAMS),
            "n": lambda: str(r.randint(2, 40)),
            "small": lambda: str(r.randint(0, 5)),
            "big": lambda: f"{r.randint(90, 4800):,}",
            "pct": lambda: str(r.randint(3, 96)),
            "hi": lambda: self.rel(35, 97),
            "lo": lambda: self.rel(max(1, self.last // 3), self.last - 1),
            "up": lambda: self.rel(self.last + 1, min(99, self.last + 40)),
            "clhi": lambda: self.rel(22, 35),
            "cllo": lambda: self.rel(12, min(30, self.last - 1)),
            "mo": lambda: str(r.choice((3, 3, 6, 6, 9, 12, 18))),
            "ws": lambda: str(r.randint(1, 8)),
            "weeks": lambda: str(r.randint(8, 60)),
            "gbp": self.gbp,
            "topic": lambda: r.choice(P.TOPICS),
            "answer": lambda: self(r.choice(P.ANSWERS)),
        }

    def __call__(self, template: str) -> str:
        return re.sub(r"\{(\w+)\}", lambda m: self.slot(m.group(1)), template)

    def slot(self, key: str) -> str:
        if key in self.fixed:
            return self.fixed[key]
        if key == "d1":
            self.d1 = self.r.randint(1, 20)
            return str(self.d1)
        return self.slots[key]()

    def deal(self, name: str, seq: tuple[str, ...]) -> str:
        """The next template from a shuffled deck of ``seq``, so a document rarely repeats one."""
        deck = self.decks.setdefault(name, [])
        if not deck:
            deck.extend(seq)
            self.r.shuffle(deck)
        return self(deck.pop())

    def name(self) -> str:
        return f"{self.r.choice(T.FIRST)} {self.r.choice(T.LAST)}"

    def date(self) -> str:
        year = int(self.fixed["year"]) - self.r.choice((0, 0, 1))
        return f"{self.r.randint(1, 28)} {self.r.choice(T.MONTHS)} {year}"

    def rel(self, lo: int, hi: int) -> str:
        self.last = self.r.randint(lo, max(lo, hi))
        return str(self.last)

    def gbp(self) -> str:
        r = self.r
        k = r.randrange(3)
        if k == 0:
            return f"\u00a3{r.randint(1, 9)},000"
        if k == 1:
            return f"\u00a3{r.randint(11, 95)}0,000"
        return f"\u00a3{r.randint(1, 6)}.{r.randint(1, 9)} million"
