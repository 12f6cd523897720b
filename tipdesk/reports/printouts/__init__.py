"""Documents officers hand over, as PDF: a case summary, a referral letter, the week's cause
list. Built from plain data (:mod:`.model`) by reportlab; the services gather that data (with
the permissions, masking and audit) and write the files."""
