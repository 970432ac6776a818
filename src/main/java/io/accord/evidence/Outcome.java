package io.accord.evidence;

/**
 * What became of one handed-off lead, as the backtest counts it: whether it was ever accepted, qualified, won or
 * rejected (with the reason), and the seconds from hand-off to its first touch (null: not touched).
 */
record Outcome(boolean accepted, boolean qualified, boolean won, boolean rejected, String rejectReason,
        Integer firstTouchSeconds) {
}
