"""Development tooling, not shipped in the wheel: synthetic policies and libraries, seeded errors, benchmarks."""
