-- A backtest that a proposal or an approval cites is evidence of a sign-off: it is kept for as long as the version's
-- record names it, so the approval's link never turns into a 404. A cited backtest has no expiry (expires_at null);
-- retention (icp_backtests_expiry, expires_at < now) never matches it.
alter table icp_backtests alter column expires_at drop not null;
