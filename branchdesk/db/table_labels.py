"""What each table is called where a person reads about it (a restore's preview: the rows a
backup lacks). Names only, no feature imported; a test keeps it to every table there is."""

from __future__ import annotations

from branchdesk.i18n import tr

TABLE_LABELS = {
    "import_batch": "Imports",
    "courier": "Couriers",
    "area_rule": "Area rules",
    "route": "Routes",
    "arrival_time": "Arrival times",
    "waybill": "Waybills",
    "penalty_category": "Handbook categories",
    "penalty_item": "Handbook items",
    "exam_paper": "Exam papers",
    "exam_result": "Exam results",
    "complaint_category": "Complaint categories",
    "reply_template": "Reply scripts",
    "complaint": "Complaints",
    "complaint_event": "Complaint history",
    "guide_category": "Guide categories",
    "guide": "Operation guides",
    "guide_step": "Guide steps",
    "guide_image": "Guide screenshots",
    "guide_reading": "Guide readings",
    "guide_flag": "Guide reports",
    "guide_version": "Guide versions",
    "agent": "Agents",
    "shift": "Shifts",
    "customer": "Customers",
    "ownership": "Ownership",
    "contact": "Contact log",
    "assignment": "Assignments",
    "qc_sample": "QC samples",
    "qc_sample_agent": "QC samples by agent",
    "qc_sample_item": "QC sample items",
    "qc_scorecard": "QC scorecards",
    "qc_section": "QC scorecard sections",
    "qc_criterion": "QC criteria",
    "qc_score": "QC scores",
    "qc_score_line": "QC score lines",
    "qc_coaching": "Coaching",
    "qc_good_handling": "Good handling",
    "owner_pin": "Owner PIN",
    "branch_setting": "Branch settings",
    "audit_entry": "Audit log",
    "pay_rates": "Pay rates",
    "pay_fine": "Fines",
    "pay_statement": "Pay statements",
    "training_card": "Drill cards",
    "training_memory": "Drill memory",
    "training_review": "Drill reviews",
    "training_lookup": "Lookups for drills",
    "training_plan_item": "New-hire plan steps",
    "training_trainee": "Trainees",
    "training_progress": "New-hire progress",
    "knowledge_doc": "Search index",
    "knowledge_stamp": "Search index state",
    "faq_entry": "FAQ",
    "faq_version": "FAQ versions",
    "faq_flag": "FAQ reports",
    "search_miss": "Searches that found nothing",
    "knowledge_suggestion": "Suggestions",
}


def table_label(table: str) -> str:
    """The table's name for a reader ("Complaints" / 投诉), its own name where none is known."""
    label = TABLE_LABELS.get(table)
    return tr(label) if label is not None else table
