"""Security and safe operation: login throttling, the password policy, security headers, startup checks,
failed jobs and the watchdog that alerts supervisors when triage falls behind or no worker is alive."""
