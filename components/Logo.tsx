/** ClaimGuide's icon beside a page's title (decorative): the dark-theme drawing in a dark scheme. */
export function Logo({ size = 48 }: { size?: 16 | 32 | 48 | 128 }) {
  return (
    <picture class="cg-logo">
      <source srcset={`/icon-dark/${size}.png`} media="(prefers-color-scheme: dark)" />
      <img src={`/icon/${size}.png`} alt="" />
    </picture>
  );
}
