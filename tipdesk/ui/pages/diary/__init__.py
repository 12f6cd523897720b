"""The Diary: hearings and deadlines due, overdue, today, this week and by officer."""
