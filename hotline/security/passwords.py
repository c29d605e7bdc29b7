"""The password policy: long enough, not the username, not one of the passwords everyone tries first."""

MIN_LENGTH = 10
COMMON = frozenset(["123456", "123456789", "12345678", "1234567890", "password", "password1", "password123", "qwerty", "qwerty123", "qwertyuiop", "111111", "000000", "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx", "abc123", "abcdef123", "admin", "admin123", "administrator", "iloveyou", "letmein", "welcome", "welcome1", "welcome123", "monkey", "dragon", "football", "baseball", "sunshine", "princess", "master", "shadow", "superman", "trustno1", "passw0rd", "p@ssw0rd", "p@ssword", "changeme", "changeme123", "secret", "secret123", "default", "hotline", "hotline123", "hotline1480", "hotline123123", "counselor", "supervisor", "manager", "tajikistan", "dushanbe", "dushanbe123", "parol", "parol123", "qwerty12345", "asdfghjkl", "zxcvbnm", "987654321", "0987654321", "1234512345", "passwordpassword"])


def policy_fault(password: str, username: str = "") -> str | None:
    """Why this password is refused, in one line; None when it is acceptable."""
    if not password:
        return "password must not be empty"
    if len(password) < MIN_LENGTH:
        return f"password must be at least {MIN_LENGTH} characters"
    lowered = password.lower()
    if username and lowered in (username.lower(), username.lower()[::-1]):
        return "password must not be the username"
    if lowered in COMMON or len(set(lowered)) <= 2:
        return "password is too common; choose another"
    return None
