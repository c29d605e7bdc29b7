"""The IVR: menus loaded from ivr_flows/, and the engine that steps a call through them."""
