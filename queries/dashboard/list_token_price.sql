-- dashboard/list_token_price: the list price of one token (v_list_token_price,
-- R20), to price tokens the Advice pane counts. Grain: one row per currency.
SELECT currency, CAST(unit_price AS DOUBLE) AS unit_price FROM v_list_token_price ORDER BY currency;
