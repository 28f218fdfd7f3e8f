"""The wizard's pages: one QWizardPage subclass per screen of the seed, each over a form of ``ui/``."""
