/** emit: ignore: acknowledged and dropped (echoes of our own posts, events of no interest); nothing is fetched. */
import { ignored, type Extractor, type Ignored } from './outcome'

// eslint-disable-next-line require-yield -- an extractor's steps: this one needs no value
export const ignore: Extractor<Ignored> = function* (m) {
  return ignored(m, 'ignores it')
}
