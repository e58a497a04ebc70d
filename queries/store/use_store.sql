-- Make the attached store the default catalog: unqualified names are its
-- tables and views; TEMP tables stay visible. Grain: statement.
USE store;
