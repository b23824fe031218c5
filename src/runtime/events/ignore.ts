/** emit: ignore: acknowledged and dropped (echoes of our own posts, events of no interest); nothing is fetched. */
import { ignored, type Extractor, type Ignored } from './outcome'

export const ignore: Extractor<Ignored> = async (m) => ignored(m, 'ignores it')
