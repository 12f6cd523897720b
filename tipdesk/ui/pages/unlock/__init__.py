"""The sign-in card: the start window and, in a signed-in app, the lock screen."""
