"""The demo practice: fictional clients whose stories show the app at work."""
