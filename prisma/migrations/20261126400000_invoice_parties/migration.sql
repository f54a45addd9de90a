-- An invoice says who issued it and who pays it as they were on the day it was issued: a later
-- change of a workshop's or a charity's name or address never rewrites an issued invoice.
ALTER TABLE "ContributionInvoice" ADD COLUMN "issuerParty" JSONB;
ALTER TABLE "ContributionInvoice" ADD COLUMN "charityParty" JSONB;

-- Invoices issued before this migration take the parties as they stand now.
UPDATE "ContributionInvoice" i SET
  "issuerParty" = (SELECT json_build_object('id', o.id, 'name', o.name, 'address', o.address, 'siret', o.siret, 'rna', o.rna,
                     'commune', c.name, 'postalCode', c."postalCode")
                   FROM "Organisation" o LEFT JOIN "Commune" c ON c."inseeCode" = o."communeInsee" WHERE o.id = i."issuerId"),
  "charityParty" = (SELECT json_build_object('id', o.id, 'name', o.name, 'address', o.address, 'siret', o.siret, 'rna', o.rna,
                     'commune', c.name, 'postalCode', c."postalCode")
                    FROM "Organisation" o LEFT JOIN "Commune" c ON c."inseeCode" = o."communeInsee" WHERE o.id = i."charityId");

ALTER TABLE "ContributionInvoice" ALTER COLUMN "issuerParty" SET NOT NULL;
ALTER TABLE "ContributionInvoice" ALTER COLUMN "charityParty" SET NOT NULL;
