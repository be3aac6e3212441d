"""Quality-control pages and dialogs: the daily sample, scoring, coaching, good handling."""
