"""How well evidence is linked from the text alone: proposals against a policy's reviewed tables."""
