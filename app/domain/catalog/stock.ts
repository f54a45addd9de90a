/** Below this many units left, the catalogue tells how many remain. */
export const LOW_STOCK = 5;
