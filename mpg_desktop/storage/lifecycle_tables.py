"""ORM tables of the case lifecycle (schema revision 0004). Kept apart from tables.py so each
instrument's tables live in their own module."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mpg_desktop.storage.tables import Base


class TrajectDetailsRow(Base):
    __tablename__ = "traject_details"
    traject_id: Mapped[int] = mapped_column(ForeignKey("trajects.id", ondelete="CASCADE"), primary_key=True)
    received_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    decision_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    aftercare_end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    coach: Mapped[str] = mapped_column(String(200), default="")
    referral_json: Mapped[str] = mapped_column(Text, default="{}")
    decision_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    closure_json: Mapped[str | None] = mapped_column(Text, nullable=True)


class PhaseTransitionRow(Base):
    """Append-only: rows are never updated or deleted (spec 1.2)."""

    __tablename__ = "phase_transitions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    traject_id: Mapped[int] = mapped_column(ForeignKey("trajects.id", ondelete="CASCADE"), index=True)
    from_phase: Mapped[str] = mapped_column(String(32))
    to_phase: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(DateTime)
    transition_json: Mapped[str] = mapped_column(Text)


class CaseRecordRow(Base):
    __tablename__ = "case_records"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    traject_id: Mapped[int] = mapped_column(ForeignKey("trajects.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    record_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    payload_json: Mapped[str] = mapped_column(Text)


class ConsentRow(Base):
    __tablename__ = "consents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"), index=True)
    payload_json: Mapped[str] = mapped_column(Text)


class PersonDetailsRow(Base):
    __tablename__ = "person_details"
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True)
    details_json: Mapped[str] = mapped_column(Text, default="{}")
