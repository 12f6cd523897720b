"""Small reusable widgets: banners, figure cards, passphrase fields, the district picker."""
