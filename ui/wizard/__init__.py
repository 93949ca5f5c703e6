"""The plan wizard: one page per part of the plan's required structure (GUIDE §1)."""

from ui.wizard.wizard import PlanWizard

__all__ = ["PlanWizard"]
