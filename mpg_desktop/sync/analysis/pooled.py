"""The pooled dataset the indicators read: one frame per exported table, merged over bundles.

Built by ``loading.pool_bundles``. Every frame carries ``pseudonym_key_id`` (ANA-01), so the
identity of a family is the pair (``pseudonym_key_id``, ``family_pid``) and unique-family counts
never mix pseudonym keys. ``bundles`` holds one row per bundle with the manifest fields
(coverage ANA-08, report footer ANA-07). Treat the frames as read-only; indicators copy before
they change anything. Safe to share between threads for reading.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

FAMILY_KEY = ["pseudonym_key_id", "family_pid"]
TRAJ_KEY = ["pseudonym_key_id", "traj_pid"]
GOAL_KEY = ["pseudonym_key_id", "goal_pid"]

# Family columns copied onto trajectory rows so indicators can break down by them.
FAMILY_ATTRIBUTES = (
    "area_code",
    "in_doelgebied",
    "gemeente_code",
    "huishouden_type",
    "huishouden_l0",
    "huishouden_l1",
    "n_kinderen",
    "jongste_kind_leeftijd",
    "leeftijdssamenstelling",
    "ouder_leeftijd",
    "geslacht",
    "inkomensbron",
    "netwerk_omvang",
    "generalisation_profile",
)


@dataclass(frozen=True)
class PooledData:
    """All imported tables after de-duplication and tombstones (see ``loading``)."""

    families: pd.DataFrame
    trajectories: pd.DataFrame
    phase_events: pd.DataFrame
    leefgebied_scores: pd.DataFrame
    goals: pd.DataFrame
    goal_evaluations: pd.DataFrame
    tombstones: pd.DataFrame
    referral_aggregates: pd.DataFrame
    bundles: pd.DataFrame

    def table(self, name: str) -> pd.DataFrame:
        """The pooled frame of table ``name`` (``families`` ... ``bundles``)."""
        frame = getattr(self, name)
        assert isinstance(frame, pd.DataFrame)
        return frame

    def trajectories_with_family(self) -> pd.DataFrame:
        """Trajectory rows with the family's attributes added (missing when the family row is absent)."""
        attributes = [col for col in FAMILY_ATTRIBUTES if col in self.families.columns]
        family = self.families[FAMILY_KEY + attributes]
        return self.trajectories.merge(family, on=FAMILY_KEY, how="left", validate="many_to_one")
