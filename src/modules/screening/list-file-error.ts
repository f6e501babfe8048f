/** A list file that is not one of the known layouts, or that breaks part-way: says which file and where. */
export class ListFileError extends Error {}
