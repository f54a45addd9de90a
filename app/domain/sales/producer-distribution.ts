import { orderingState, type OrderingState } from "~/domain/distributions/ordering-window";
import { addOffersState } from "~/domain/sales/offer-rules";

/** A distribution as a producer selling there sees it: where, when, and what they may still do. */
export type ProducerDistribution = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  opensAt: Date;
  cutoffAt: Date;
  status: "SCHEDULED" | "CANCELLED";
  pickupPoint: { id: string; name: string; commune: string };
  /** Whether customers can order now, and whether the producer can still add offers. */
  state: OrderingState;
  canAddOffers: boolean;
};

/** The row read for it: the distribution's columns and its pickup point's, flat. */
export type ProducerDistributionRow = Omit<ProducerDistribution, "pickupPoint" | "state" | "canAddOffers"> & { ppId: string; ppName: string; commune: string };

export function producerDistribution({ ppId, ppName, commune, ...distribution }: ProducerDistributionRow, now: Date): ProducerDistribution {
  return {
    ...distribution,
    pickupPoint: { id: ppId, name: ppName, commune },
    state: orderingState(distribution, now),
    canAddOffers: addOffersState(distribution, now) === "open",
  };
}
