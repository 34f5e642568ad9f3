"""Writing episodes, events, the involvements they create, and short contacts.

An episode row carries columns derived from its events (state, director,
dates) and the database holds it to "one open episode per household", so an
episode cannot be inserted before its events are known. The writer therefore
holds each new episode until its last event has been read, derives its
columns with :func:`schakel.cases.projection.derived_fields` (the one code
path the services also use), then inserts episodes and events together in
batches. Files written by ``schakel export`` keep an episode's events
together, so only a handful of episodes are ever held at a time.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from schakel.cases.models import Episode, Event, Involvement, ShortContact
from schakel.cases.projection import derived_fields, involvement_from_event
from schakel.exchange.fastinsert import fast_instance
from schakel.exchange.parse import Record

if TYPE_CHECKING:
    from schakel.exchange.write import Writer

BATCH = 5000
new_event = fast_instance(Event)
STRUCTURE = ["household_id", "team_id", "number", "previous_id"]


class CaseWriter:
    def __init__(self, writer: Writer) -> None:
        self.w = writer
        self.db = writer.db
        self.plan = writer.plan
        self.held: dict[str, Record] = {}
        self.pending: dict[str, list[Event]] = defaultdict(list)
        self.ready: list[str] = []
        self.ready_events = 0
        self.previous: list[tuple[str, str, bool]] = []

    # -- episodes --------------------------------------------------------------------------

    def _structure(self, episode: Episode, r: Record, existed: bool) -> bool:
        """Copy the file's household, team, number and previous onto ``episode``."""
        values: dict[str, object] = {
            "household_id": self.w.pk("household", r.f["household"]),
            "team_id": self.w.pk("team", r.f["team"]),
            "number": r.f["number"],
        }
        previous = r.f["previous"]
        if previous is None or previous in self.db.pk["episode"]:
            values["previous_id"] = self.w.pk("episode", previous)
        else:
            assert r.id is not None
            self.previous.append((r.id, previous, existed))
        changed = False
        for name, value in values.items():
            if getattr(episode, name) != value:
                setattr(episode, name, value)
                changed = True
        return changed

    def episodes(self, run: list[Record]) -> None:
        """Hold episodes that get new events; update the others (they exist) right away."""
        now = []
        for r in run:
            assert r.id is not None
            if r.id in self.plan.new_events:
                self.held[r.id] = r
            else:
                now.append(r)
        if not now:
            return
        pkmap = self.db.pk["episode"]
        stored = Episode.objects.in_bulk([pkmap[r.id] for r in now if r.id])
        changed = []
        counts = self.w.result["episode"]
        for r in now:
            assert r.id is not None
            episode = stored[pkmap[r.id]]
            if self._structure(episode, r, existed=True):
                changed.append(episode)
                self.w.changed["episode"].add(r.id)
        Episode.objects.bulk_update(changed, STRUCTURE, batch_size=BATCH)
        counts.updated += len(changed)
        counts.unchanged += len(now) - len(changed)

    # -- events ----------------------------------------------------------------------------

    def events(self, run: list[Record]) -> None:
        counts = self.w.result["event"]
        staff = self.db.pk["staff"]
        spans = self.plan.new_events
        for r in run:
            assert r.id is not None
            f = r.f
            episode, seq = f["episode"], f["seq"]
            span = spans.get(episode)
            if span is None or seq < span[0]:
                counts.unchanged += 1  # validation found it stored with this exact content
                continue
            by, worker = f["recorded_by"], f["worker"]
            event = new_event(
                seq=seq, kind=f["kind"], occurred_at=f["occurred_at"],
                recorded_at=f["recorded_at"],
                recorded_by_id=staff[by] if by is not None else None,
                worker_id=staff[worker] if worker is not None else None,
                backdate_reason=f["backdate_reason"], data=f["data"], external_id=r.id,
            )
            self.pending[episode].append(event)
            if seq == span[1]:
                self.ready.append(episode)
                self.ready_events += len(self.pending[episode])
                if self.ready_events >= BATCH:
                    self.flush()

    def flush(self) -> None:
        """Write the episodes whose events are complete, then their events and involvements."""
        ready, self.ready, self.ready_events = self.ready, [], 0
        if not ready:
            return
        pkmap = self.db.pk["episode"]
        episodes: dict[str, Episode] = {}
        existing = [ext for ext in ready if ext in pkmap]
        new = [ext for ext in ready if ext not in pkmap]
        if existing:
            # Before the new ones: closing an old episode must precede opening the next.
            episodes.update(self._extend(existing))
        if new:
            episodes.update(self._create(new))
        events = []
        for ext in ready:
            episode = episodes[ext]
            for event in self.pending.pop(ext):
                event.episode = episode
                events.append(event)
        self.w.inserter.insert(Event, events)
        self.w.result["event"].created += len(events)
        involvements = []
        for event in events:
            involvement = involvement_from_event(event)
            if involvement is not None:
                involvement.ended_at = self.plan.involvement_ends.pop(
                    involvement.external_id, None
                )
                involvements.append(involvement)
        self.w.inserter.insert(Involvement, involvements)

    def _create(self, new: list[str]) -> dict[str, Episode]:
        records = sorted((self.held.pop(ext) for ext in new), key=lambda r: r.line)
        mark = len(self.previous)
        objs = []
        for r in records:
            assert r.id is not None
            episode = Episode(external_id=r.id)
            self._structure(episode, r, existed=False)
            for name, value in derived_fields(self.pending[r.id]).items():
                setattr(episode, name, value)
            objs.append(episode)
        pkmap = self.db.pk["episode"]
        reserved = self.w.inserter.reserve(Episode, objs)
        if not reserved:
            self.w.inserter.insert(Episode, objs)
        for episode in objs:
            pkmap[episode.external_id] = episode.pk
        created = {episode.external_id: episode for episode in objs}
        # A return and the episode it follows often arrive in the same batch: link them
        # before writing when the keys are known up front, else update them afterwards.
        later, linked = self.previous[mark:], []
        del self.previous[mark:]
        for ext, target, existed in later:
            if target in pkmap:
                created[ext].previous_id = pkmap[target]
                linked.append(created[ext])
            else:
                self.previous.append((ext, target, existed))
        if reserved:
            self.w.inserter.insert(Episode, objs)
        else:
            Episode.objects.bulk_update(linked, ["previous_id"], batch_size=BATCH)
        self.w.result["episode"].created += len(objs)
        return created

    def _extend(self, existing: list[str]) -> dict[str, Episode]:
        """Episodes already stored that get new events: derive over old and new events."""
        pkmap = self.db.pk["episode"]
        stored = Episode.objects.in_bulk([pkmap[ext] for ext in existing])
        earlier: dict[int, list[Event]] = defaultdict(list)
        for event in Event.objects.filter(episode_id__in=list(stored)).order_by(
            "episode_id", "seq"
        ):
            earlier[event.episode_id].append(event)
        result = {}
        for ext in existing:
            episode = stored[pkmap[ext]]
            held = self.held.pop(ext, None)
            if held is not None:
                self._structure(episode, held, existed=True)
            derived = derived_fields([*earlier[episode.pk], *self.pending[ext]])
            for name, value in derived.items():
                setattr(episode, name, value)
            result[ext] = episode
            self.w.changed["episode"].add(ext)
        fields = [*STRUCTURE, *derived]
        Episode.objects.bulk_update(list(result.values()), fields, batch_size=BATCH)
        self.w.result["episode"].updated += len(existing)
        return result

    def finish(self) -> None:
        """After the last event: write what is left and resolve forward references."""
        self.flush()
        assert not self.held and not self.pending, "validation guarantees complete episodes"
        self.w.fixups["episode"] = self.previous
        self.previous = []
        self.w.resolve("episode", Episode, "previous_id")
        if self.plan.involvement_ends:
            stored = Involvement.objects.in_bulk(
                [self.db.involvement_pk[ext] for ext in self.plan.involvement_ends]
            )
            for ext, ended_at in self.plan.involvement_ends.items():
                stored[self.db.involvement_pk[ext]].ended_at = ended_at
            Involvement.objects.bulk_update(list(stored.values()), ["ended_at"],
                                            batch_size=BATCH)
            self.plan.involvement_ends = {}

    # -- short contacts --------------------------------------------------------------------

    def short_contacts(self, run: list[Record]) -> None:
        counts = self.w.result["short_contact"]
        new = []
        staff, teams = self.db.pk["staff"], self.db.pk["team"]
        for r in run:
            assert r.id is not None
            if r.id in self.plan.unchanged_contacts:
                counts.unchanged += 1
                continue
            f = r.f
            new.append(ShortContact(
                team_id=teams[f["team"]], category=f["category"],
                source=f["source"], channel=f["channel"], occurred_at=f["occurred_at"],
                recorded_at=f["recorded_at"], recorded_by_id=staff[f["recorded_by"]],
                note=f["note"], external_id=r.id,
            ))
        self.w.inserter.insert(ShortContact, new)
        for contact in new:
            self.db.pk["short_contact"][contact.external_id] = contact.pk
        counts.created += len(new)
