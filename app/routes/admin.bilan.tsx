// The territory's view of the sales summary: what each producer is owed, one line per producer.
// The page is the producer's (app/routes/producteur.bilan.tsx), which answers an admin
// (read:order:any) with every producer; outside the /producteur frame, which admits producers only.
export { ErrorBoundary, loader, meta, default } from "~/routes/producteur.bilan";
