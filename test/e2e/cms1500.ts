/** Selectors of the demo portal's CMS-1500 service-line fields (demo/public/cms1500.html). */
export const cpt = (line: number) => `[name="line[${line}][cpt]"]`;
export const mod = (line: number, slot: number) => `[name="line[${line}][mod${slot}]"]`;
export const units = (line: number) => `[name="line[${line}][units]"]`;
