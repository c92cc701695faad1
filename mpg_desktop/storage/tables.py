"""ORM tables of the case store. Changes here need an Alembic revision in migrations/."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class StoreMeta(Base):
    """Key/value facts about the store: coach, organisation, last backup."""

    __tablename__ = "store_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class FamilyRow(Base):
    __tablename__ = "families"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    members: Mapped[list[PersonRow]] = relationship(
        back_populates="family", cascade="all, delete-orphan", order_by="PersonRow.id"
    )
    trajects: Mapped[list[TrajectRow]] = relationship(
        back_populates="family", cascade="all, delete-orphan", order_by="TrajectRow.id"
    )


class PersonRow(Base):
    __tablename__ = "persons"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"), index=True)
    first_name: Mapped[str] = mapped_column(String(100))
    surname: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date] = mapped_column(Date)
    birth_date_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    sex: Mapped[str] = mapped_column(String(16))
    role: Mapped[str] = mapped_column(String(32))
    lives_in_household: Mapped[bool] = mapped_column(Boolean, default=True)
    school_work: Mapped[str] = mapped_column(String(200), default="")
    family: Mapped[FamilyRow] = relationship(back_populates="members")


class TrajectRow(Base):
    __tablename__ = "trajects"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"), index=True)
    case_number: Mapped[str] = mapped_column(String(32), unique=True)
    phase: Mapped[str] = mapped_column(String(32), index=True)
    programme_profile: Mapped[str] = mapped_column(String(64), default="standaard")
    referral_date: Mapped[date] = mapped_column(Date)
    plan_signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    last_evaluation_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    family: Mapped[FamilyRow] = relationship(back_populates="trajects")
    contacts: Mapped[list[ContactRow]] = relationship(
        back_populates="traject", cascade="all, delete-orphan", order_by="ContactRow.id"
    )


class ContactRow(Base):
    """A contact-log entry (spec 5.1). Added in schema revision 0002."""

    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    traject_id: Mapped[int] = mapped_column(ForeignKey("trajects.id", ondelete="CASCADE"), index=True)
    contact_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(32))
    duration_minutes: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    traject: Mapped[TrajectRow] = relationship(back_populates="contacts")


class NetworkMapRow(Base):
    """A network map (bolletjesschema) with all its snapshots as one JSON document. Added in 0003.

    ``focus_person_id`` is the household member in the centre (NULL: the family, or someone
    outside the household); ``revision`` counts saves (see ``network_repository.save_map``).
    """

    __tablename__ = "network_maps"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    map_uid: Mapped[str] = mapped_column(String(64), unique=True)
    traject_id: Mapped[int] = mapped_column(ForeignKey("trajects.id", ondelete="CASCADE"), index=True)
    focus_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"), nullable=True)
    focus_label: Mapped[str] = mapped_column(String(200), default="")
    focus_kind: Mapped[str] = mapped_column(String(32))
    document_version: Mapped[int] = mapped_column(Integer)
    document: Mapped[str] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class AuditEntry(Base):
    """Who-did-what without content: time, action, record type and id. Never names."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    action: Mapped[str] = mapped_column(String(8))  # create / update / delete
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
