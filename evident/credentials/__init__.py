"""Open Badges 3.0 credentials: issuing, signing and verifying.

Only the Django-free signing core (``proofs``) exists so far.
"""
