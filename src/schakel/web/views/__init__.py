"""Thin views: parse input with a form, call a service, render."""
