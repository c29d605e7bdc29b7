"""Staff web pages: the session login (/login, /logout), signed session cookies, CSRF and page role checks."""
