"""Twilio webhooks in, TwiML out, and the outbound REST calls (recorded when no account is set)."""
