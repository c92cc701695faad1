"""ORM tables of supervisor mode (schema revision 0005): device register, import log, imported
bundles. Kept apart from tables.py like the lifecycle tables."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mpg_desktop.storage.tables import Base


class SupervisorDeviceRow(Base):
    """A coach laptop's Ed25519 public key, registered after comparing fingerprints (EXP-25).

    ``device_pid`` is learnt from the first bundle imported with this key; later bundles signed
    with the key must name the same pid.
    """

    __tablename__ = "supervisor_devices"
    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    label: Mapped[str] = mapped_column(String(100), default="")
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    device_pid: Mapped[str | None] = mapped_column(String(64), nullable=True)
    registered_at: Mapped[datetime] = mapped_column(DateTime)


class SupervisorImportLogRow(Base):
    """One import (IMP-10). ``status`` is ``geimporteerd`` for an applied bundle."""

    __tablename__ = "supervisor_import_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bundle_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    content_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    device_key_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    device_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(32))
    error_code: Mapped[str | None] = mapped_column(String(8), nullable=True)
    file_name: Mapped[str] = mapped_column(String(255), default="")


class SupervisorBundleRow(Base):
    """An imported bundle's manifest (``Manifest.to_json``) as checked by the reader."""

    __tablename__ = "supervisor_bundles"
    bundle_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_key_id: Mapped[str] = mapped_column(String(32))
    manifest_json: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime)


class SupervisorBundleTableRow(Base):
    """One verified table of an imported bundle: ``{"columns": [...], "rows": [[...], ...]}``."""

    __tablename__ = "supervisor_bundle_tables"
    bundle_id: Mapped[str] = mapped_column(
        ForeignKey("supervisor_bundles.bundle_id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    table_json: Mapped[str] = mapped_column(Text)
