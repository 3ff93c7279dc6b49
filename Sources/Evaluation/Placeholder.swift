// Module Evaluation: see Docs/architecture.md. This file is replaced by the module's real sources.
