"""The advocate workspace's pages (issue 5). Every page that takes a case id reaches the case
through `intake.access.share_for_request`, so only the advocates of an organisation the case is
shared with can open it, and everything they do to it is written to its audit trail."""
