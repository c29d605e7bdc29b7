"""Partner services, dispatch rules, referrals sent by SMS or webhook, acknowledgments and escalation."""
