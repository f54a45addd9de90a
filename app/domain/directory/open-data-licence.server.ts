/**
 * The open data's licence (decision 031) as the directory's loader links it: read from the one
 * constant the downloads use, through a server module so the page's bundle (and its messages)
 * does not take in the CSV writer that module sits beside.
 */
export { OPEN_DATA_LICENCE } from "~/domain/ess/open-data";
