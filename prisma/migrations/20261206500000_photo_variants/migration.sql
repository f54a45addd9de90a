-- Photos are stored at a few widths made once at upload (160, 320, 640, 1024: never wider than the
-- photo), so a phone downloads a card-sized file. The row lists the widths stored; photos stored
-- before keep an empty list and are served as they are.
ALTER TABLE "StoredFile" ADD COLUMN "variantWidths" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[];
