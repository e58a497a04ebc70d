-- reports/explain_unfocus: end the narrowing of reports/explain_focus; the
-- views see every stored event again. Rules: none. Grain: none.
DROP TABLE IF EXISTS temp.events;
