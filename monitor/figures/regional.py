"""Which region a sentence of an article and each number in it speak for: a place named
before the number, after it in its clause, before a semicolon, in the paragraph or the lead, or
the source's own `region:`; the place words themselves are in places.py."""

from __future__ import annotations

import re
from datetime import date

from monitor.figures.frames import Frames
from monitor.figures.places import (
    GENERIC,
    NATIONAL,
    Mention,
    is_national,
    mentions,
    same_level,
    speaks_for,
)
from monitor.models import Target

_LEAD = 300  # a region named this early in the article (dateline, lead) holds for all of it
_CLAUSE_END = re.compile(r"[，,；;。]")


class Regional(Frames):
    """An article's sentences with the region each speaks for."""

    def __init__(
        self, text: str, ends: list[int], published: date | None, region: tuple[str, ...] = ()
    ) -> None:
        super().__init__(text, ends, published)
        self.region = region  # what the source's articles speak for when they name no place

    def _speaks_for(self, target: Target, sentence: str, s0: int, at: int) -> bool:
        """Whether the number at `at` in the sentence speaks for the target's region: the last
        region word before it decides (在福州，…), else one later in the sentence; for a regional
        target also the paragraph before it and the article's lead."""
        regions = target.region
        before = mentions(sentence, regions, 0, at)
        said = speaks_for(before, regions)
        if (
            said
            and before[-1].word in GENERIC
            and self._elsewhere(before[-1], sentence, s0, regions)
        ):
            return False  # 在温州，…。全市今年新建52个: 全市 is 温州
        if said is None:  # a place later in the number's own clause (…100个的杭州)
            end = _CLAUSE_END.search(sentence, at)
            found = mentions(sentence, regions, at, end.start() if end else len(sentence))
            said = speaks_for(found[:1], regions)
        if said is None and s0 > 0 and self.text[s0 - 1] in "；;":
            # after a semicolon: the place named before it in the same full sentence holds
            run = max(self.text.rfind(c, 0, s0 - 1) for c in "。！？!?\n") + 1
            said = speaks_for(mentions(self.text, regions, run, s0), regions)
        if said is None and is_national(regions):
            # a sentence naming no place: a national figure (unless the source speaks for a
            # region). An earlier sentence's place is as often a speaker's or a meeting's as
            # the subject's, so it does not carry over.
            return self._source_speaks_for(regions) is not False
        if said is None:
            p0 = self.text.rfind("\n", 0, s0) + 1
            said = speaks_for(mentions(self.text, regions, p0, s0), regions)
        if said is None:  # the article's lead, before this sentence
            said = speaks_for(mentions(self.text[: min(_LEAD, s0)], regions)[:1], regions)
        if said is None:
            said = self._source_speaks_for(regions)
        return is_national(regions) if said is None else said

    def _elsewhere(
        self, generic: Mention, sentence: str, s0: int, regions: tuple[str, ...]
    ) -> bool:
        """Whether a generic word (全市, 本省) speaks of another place: the nearest place named
        before it, in its sentence or earlier in its paragraph, is another one of its level."""
        p0 = self.text.rfind("\n", 0, s0) + 1
        earlier = [  # every place word, whatever the target (mentions of no regions)
            *mentions(self.text, (), p0, s0),
            *mentions(sentence, (), 0, generic.start),
        ]
        named = [r for r in regions if r not in GENERIC and r not in NATIONAL]
        for m in reversed(earlier):
            if any(m.word in r or r in m.word for r in named):
                return False
            if same_level(generic.word, m.word):
                return True
        return False

    def _source_speaks_for(self, regions: tuple[str, ...]) -> bool | None:
        """What the source's own region (`region:` on a source) says, if it gives one."""
        if not self.region:
            return None
        return speaks_for(mentions("、".join(self.region), regions)[:1], regions)

    def _about(self, target: Target, sentence: str, s0: int) -> bool:
        if not target.region or is_national(target.region):
            return True  # a national target speaks for wherever no other place is named
        if any(word in sentence for word in target.region):
            return True
        if self.region and self._source_speaks_for(target.region):
            return True
        p0 = self.text.rfind("\n", 0, s0) + 1
        p1 = self.text.find("\n", s0)
        paragraph = self.text[p0 : p1 if p1 >= 0 else len(self.text)]
        lead = self.text[:_LEAD]
        return any(word in paragraph or word in lead for word in target.region)
