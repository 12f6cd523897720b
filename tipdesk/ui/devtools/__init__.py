"""Developer tools, never shipped (tipdesk.spec excludes this package): the screenshot script
and the case-list timings for bench/."""
