-- The directory's search, fast over thousands of actors (issue 12, decision 034).
--
-- The search keeps an actor when every word typed matches somewhere in its name, commune and what
-- it sells, accents and case ignored. Computing that text for every actor on every search cost
-- most of a search's time; now the longest word first narrows the actors to those it can match
-- through trigram indexes (pg_trgm: a contrib extension of PostgreSQL, offered by every managed
-- PostgreSQL, like unaccent), and the full text is computed for those only.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is STABLE, not IMMUTABLE (it finds its dictionary through search_path), and an index
-- expression must be IMMUTABLE: this wrapper names the dictionary and its schema, so its result
-- depends on its argument alone. Lower case first, accents off: « Crème Fraîche » → « creme fraiche ».
-- COST 1000: unaccent on every row of a table is far dearer than the planner's default guess for a
-- function, which had it prefer reading all the products to the trigram index (25 ms against 4 ms
-- over 5,000 products).
CREATE OR REPLACE FUNCTION directory_normalise(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT COST 1000
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, lower(value)) $$;

-- What a product is searched by (its names), and an organisation and a pickup point by their own
-- words: the expressions the search writes, word for word, so the planner can use them.
CREATE INDEX "Product_directory_search_idx" ON "Product"
  USING gin (directory_normalise(name || ' ' || COALESCE("nameEn", '') || ' ' || COALESCE("commercialName", '')) gin_trgm_ops)
  WHERE "archivedAt" IS NULL;
CREATE INDEX "Organisation_directory_search_idx" ON "Organisation" USING gin (directory_normalise(name) gin_trgm_ops);
CREATE INDEX "PickupPoint_directory_search_idx" ON "PickupPoint" USING gin (directory_normalise(name || ' ' || address) gin_trgm_ops);
