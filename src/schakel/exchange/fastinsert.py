"""Inserting millions of rows: ``executemany`` with values adapted per column.

``bulk_create`` compiles every row through the full query compiler (pre-save
hooks, per-value preparation, SQL assembly), which costs about 40 µs per row;
for the 4–5 million rows of a large municipality's history that alone would
take minutes. This module does what ``bulk_create`` does for the plain field
types our tables use, once per column instead of once per value, and hands
the rows to the driver's ``executemany``:

* values are adapted with the same backend functions Django uses
  (``adapt_datetimefield_value``, ``adapt_datefield_value``, the JSON field's
  own ``get_db_prep_save``…), so what is stored is byte for byte what Django
  would store;
* ``auto_now``/``auto_now_add`` columns get the time of the batch, as
  ``pre_save`` would give them;
* primary keys are drawn up front: from the sequence on PostgreSQL (safe
  under concurrency), and after the highest id on SQLite, where the import's
  transaction holds the only write lock; so callers can link rows (a return
  to the episode it follows) before they are written;
* PostgreSQL gets the rows through ``COPY``, SQLite through ``executemany``.

On any other database engine it falls back to ``bulk_create``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any, TypeVar

from django.conf import settings
from django.db import connection, models
from django.db.models import Model
from django.utils import timezone

Adapter = Callable[[Any], Any]
M = TypeVar("M", bound=Model)


def _sqlite_datetime(value: dt.datetime | None) -> str | None:
    """SQLite's ``adapt_datetimefield_value`` with ``USE_TZ``: naive UTC text."""
    if value is None:
        return None
    return str(value.astimezone(dt.UTC).replace(tzinfo=None))


def _sqlite_json(value: Any) -> str | None:
    """``JSONField.get_db_prep_save`` without an encoder: ``json.dumps``."""
    return None if value is None else json.dumps(value)


def _adapter(field: models.Field[Any, Any]) -> Adapter | None:
    """How Django turns a Python value of this field into a database parameter.

    On SQLite the two hottest adapters are replaced by their two-line
    equivalents (a test checks they store exactly what Django stores);
    everywhere else Django's own backend functions are used.
    """
    ops = connection.ops
    sqlite = connection.vendor == "sqlite"
    if isinstance(field, models.DateTimeField):
        if sqlite and settings.USE_TZ and connection.timezone == dt.UTC:
            return _sqlite_datetime
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.DecimalField):
        return lambda v: ops.adapt_decimalfield_value(v, field.max_digits, field.decimal_places)
    if isinstance(field, models.JSONField) and sqlite and field.encoder is None:
        return _sqlite_json
    if isinstance(field, models.CharField | models.TextField | models.BooleanField
                  | models.IntegerField | models.ForeignKey):
        return None  # passed through unchanged by Django as well
    return lambda v: field.get_db_prep_save(v, connection)


class _Table:
    def __init__(self, model: type[Model]) -> None:
        meta = model._meta
        self.model = model
        self.fields = [f for f in meta.concrete_fields if not f.primary_key]
        self.pk = meta.pk
        columns = [self.pk, *self.fields]
        names = ", ".join(connection.ops.quote_name(f.column) for f in columns)
        marks = ", ".join(["%s"] * len(columns))
        table = connection.ops.quote_name(meta.db_table)
        self.sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
        self.copy = f"COPY {table} ({names}) FROM STDIN"
        attnames = [f.attname for f in self.fields]
        get = attrgetter(*attnames)
        self.values: Callable[[Model], tuple[Any, ...]] = (
            get if len(attnames) > 1 else lambda obj: (get(obj),)
        )
        adapters = [_adapter(f) for f in self.fields]
        self.adapted = [(i, a) for i, a in enumerate(adapters) if a is not None]
        self.stamped = [
            f.attname for f in self.fields
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        ]
        self.next_id: int | None = None


class Inserter:
    """One per import; remembers per table where its ids continue."""

    def __init__(self) -> None:
        self.fast = connection.vendor in ("sqlite", "postgresql")
        self.tables: dict[type[Model], _Table] = {}

    def insert(self, model: type[Model], objs: Sequence[Model], batch_size: int = 5000) -> None:
        """Insert ``objs`` and give each its primary key, like ``bulk_create`` would."""
        if not objs:
            return
        if not self.fast:
            model._default_manager.bulk_create(objs, batch_size=batch_size)
            return
        table = self._table(model)
        for start in range(0, len(objs), batch_size):
            self._insert(table, objs[start:start + batch_size])

    def reserve(self, model: type[Model], objs: Sequence[Model]) -> bool:
        """Give ``objs`` their primary keys before inserting them, where the engine allows.

        Returns False on engines without the fast path; ``insert`` then
        assigns keys as ``bulk_create`` does.
        """
        if not self.fast or not objs:
            return False
        ids = self._ids(self._table(model), len(objs))
        for obj, key in zip(objs, ids, strict=True):
            obj.pk = key
        return True

    def _table(self, model: type[Model]) -> _Table:
        table = self.tables.get(model)
        if table is None:
            table = self.tables[model] = _Table(model)
        return table

    def _insert(self, table: _Table, objs: Sequence[Model]) -> None:
        if objs[0].pk is None:
            ids = self._ids(table, len(objs))
            for obj, key in zip(objs, ids, strict=True):
                obj.pk = key
        else:
            ids = [obj.pk for obj in objs]
        if table.stamped:
            now = timezone.now()
            for obj in objs:
                for name in table.stamped:
                    setattr(obj, name, now)
        # One C-level call per object reads all its values; columns that need
        # adapting are then converted column by column.
        columns: list[Any] = list(zip(*map(table.values, objs), strict=True))
        for i, adapt in table.adapted:
            columns[i] = list(map(adapt, columns[i]))
        rows = zip(ids, *columns, strict=True)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # COPY is several times faster than INSERT for PostgreSQL; psycopg
                # adapts each value exactly as it adapts query parameters.
                with cursor.cursor.copy(table.copy) as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                cursor.executemany(table.sql, list(rows))
        for obj in objs:
            obj._state.adding = False
            obj._state.db = connection.alias

    def _ids(self, table: _Table, count: int) -> list[int]:
        quote = connection.ops.quote_name
        db_table, column = table.model._meta.db_table, table.pk.column
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) "
                    "FROM generate_series(1, %s)",
                    [quote(db_table), column, count],
                )
                return [row[0] for row in cursor.fetchall()]
            if table.next_id is None:
                cursor.execute(f"SELECT MAX({quote(column)}) FROM {quote(db_table)}")
                highest = cursor.fetchone()[0] or 0
                cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [db_table])
                row = cursor.fetchone()
                table.next_id = max(highest, row[0] if row else 0) + 1
        first = table.next_id
        table.next_id += count
        return list(range(first, first + count))


def fast_instance(model: type[M]) -> Callable[..., M]:
    """A constructor that fills the model's fields positionally.

    ``Model(**kwargs)`` costs about 7 µs; positional arguments about 3. The
    argument list is built from the model's own field order, starting from
    each field's default, so a field added to the model later keeps working.
    """
    fields = model._meta.concrete_fields
    index = {f.attname: i for i, f in enumerate(fields)}
    template = [None if f.primary_key else f.get_default() for f in fields]

    def make(**values: Any) -> M:
        args = template.copy()
        for name, value in values.items():
            args[index[name]] = value
        return model(*args)

    return make
