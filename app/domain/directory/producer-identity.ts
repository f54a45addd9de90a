/**
 * Who a producer (or an AMAP) is in public: what their page, their schema.org JSON-LD and their DFC
 * catalogue all read of the organisation, named once so the three reads cannot drift apart.
 */
export type PublicProducerIdentity = {
  name: string;
  slug: string;
  description: string;
  address: string;
  commune: string | null;
  postalCode: string | null;
  lat: number | null;
  lon: number | null;
  organicCertified: boolean;
  contactEmail: string | null;
  contactPhone: string | null;
};
