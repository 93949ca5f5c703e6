"""Editing a draft as plain data (core.drafts): defaults that follow the year, kind and dates; saving only what changed."""
