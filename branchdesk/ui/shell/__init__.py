"""The main window and what belongs to it as a whole: start-up and recovery, menus,
reminders, maintenance (backups, old waybills)."""
