"""The counselor console, the call screen and the supervisor's wallboard: server-rendered pages, live by SSE."""
